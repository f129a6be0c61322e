package dk.hotline.routing;

import java.util.List;

/** What the router found for a caller. */
public sealed interface RouteDecision {
    /** Ring these leaders (one with sequential ringing, several with simultaneous). */
    record Ring(List<Offer> offers) implements RouteDecision {}

    /** Leaders are on call but all busy: the caller waits in the hold queue. */
    record AllBusy() implements RouteDecision {}

    /** Every free leader on call was rung for this caller and none took it: the fallback chain. */
    record NoAnswer() implements RouteDecision {}

    /** Nobody is on call (or all on call have switched themselves off): the fallback chain. */
    record NobodyOnCall() implements RouteDecision {}
}
