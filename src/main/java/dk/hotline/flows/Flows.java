package dk.hotline.flows;

/** Everything loaded from the flows folder, validated. */
public record Flows(VoiceFlow voice, Texts texts) {}
