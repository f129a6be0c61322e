package dk.hotline.voice;

import dk.hotline.privacy.PhoneNumber;
import java.util.List;
import java.util.Optional;

/** {@code fallback.*}: what a caller is offered when no leader takes the call, in this order; 112 always comes last. */
public record FallbackSettings(Optional<PhoneNumber> number, List<Option> order) {
    /** The backup number, a callback offer, or when we open again. */
    public enum Option { BACKUP, CALLBACK, CLOSED }
}
