package dk.hotline.common;

/** Something the service needs is not there right now (the database, Twilio): answered 503; worth retrying. */
public final class UnavailableException extends ServiceException {
    public UnavailableException(String message) {
        super(null, message);
    }
}
