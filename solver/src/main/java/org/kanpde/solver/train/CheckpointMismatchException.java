package org.kanpde.solver.train;

/**
 * A checkpoint was written with other settings or another initial network than the run that
 * wants to resume it. Carries the name of the first setting that differs (a key of
 * {@link Training#fingerprint()}, or {@link Checkpoint#MODEL} or
 * {@link Checkpoint#INITIAL_PARAMETERS}) and both values, so that a front end can name its own
 * option.
 */
public final class CheckpointMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String recorded;
    private final String current;

    /**
     * @param setting  the setting that differs
     * @param recorded its value in the checkpoint ("none" if the checkpoint has no such setting)
     * @param current  its value in this run ("none" if this run has no such setting)
     */
    public CheckpointMismatchException(String setting, String recorded, String current) {
        super("the checkpoint was written with " + setting + " " + recorded + ", this run has " + setting + " " + current
                + "; resume with the interrupted run's settings");
        this.setting = setting;
        this.recorded = recorded;
        this.current = current;
    }

    /** The setting that differs. */
    public String setting() {
        return setting;
    }

    /** Its value in the checkpoint. */
    public String recorded() {
        return recorded;
    }

    /** Its value in this run. */
    public String current() {
        return current;
    }
}
