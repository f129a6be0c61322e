package dk.hotline.groups;

/** A participant as a coordinator adds them; {@code language} defaults to Danish. */
public record ParticipantInput(String name, String phone, Boolean smsConsent, String language) {}
