package dk.hotline.twilio;

/**
 * What the service does when Twilio calls one {@link Webhook}. Handlers know nothing of HTTP:
 * {@code web} checks the signature, reads the request into a {@link WebhookRequest} and writes the reply.
 */
@FunctionalInterface
public interface WebhookHandler {
    Reply handle(WebhookRequest request);
}
