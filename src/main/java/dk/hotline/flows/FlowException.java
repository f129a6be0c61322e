package dk.hotline.flows;

/** A flow file that cannot be used; the message starts with the file (and line, where known). */
public final class FlowException extends RuntimeException {
    public FlowException(String message) {
        super(message);
    }
}
