package dk.hotline.rota;

import dk.hotline.privacy.PhoneNumber;
import java.time.LocalTime;
import java.util.List;

/**
 * {@code rotaCheck.notify}: who is texted about hours nobody is on call in the coming week
 * (empty: nobody); {@code rotaCheck.at}: when each day, local time.
 */
public record RotaCheckSettings(List<PhoneNumber> recipients, LocalTime at) {}
