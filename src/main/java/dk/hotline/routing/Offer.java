package dk.hotline.routing;

import dk.hotline.privacy.PhoneNumber;

/** A leader's phone rung for one call; the id rides on the screening URL. */
public record Offer(long id, long leaderId, String leaderName, PhoneNumber phone) {}
