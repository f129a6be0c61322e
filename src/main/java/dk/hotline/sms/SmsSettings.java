package dk.hotline.sms;

import java.time.Duration;

/**
 * {@code sms.*}: at most {@code maxPerMinute} texts from one number are acted on; one auto-reply
 * per {@code autoReplyWindow} while nobody is on call; a conversation idle for {@code closeAfter} closes.
 */
public record SmsSettings(int maxPerMinute, Duration autoReplyWindow, Duration closeAfter) {}
