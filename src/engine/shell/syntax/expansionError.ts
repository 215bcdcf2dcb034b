// The run-time errors of word expansion, with bash's wording: "${a;b}: bad substitution",
// "X: parameter null or not set", "1/0: division by 0 (error token is "0")". Bash reports
// these when a word is expanded (subst.c, expr.c), not when the script is parsed.

export class ExpansionError extends Error {
  constructor(
    /** the text after bash's `bash: line N: ` prefix. */
    message: string,
    /**
     * true when bash, running a script, exits the shell (`${X:?msg}`); false when it only
     * abandons the current top-level command line (bad substitution, arithmetic errors).
     */
    readonly exitsShell: boolean,
  ) {
    super(message);
    this.name = 'ExpansionError';
  }
}
