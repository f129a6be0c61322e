package dk.hotline.common;

/** What the request names does not exist (or no longer): answered 404. */
public final class NotFoundException extends ServiceException {
    public NotFoundException(String message) {
        super(null, message);
    }
}
