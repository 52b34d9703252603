package org.energychain.cli.common;

/** The exit codes every command keeps to (DESIGN.md, Interfaces). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int VERIFICATION_FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
