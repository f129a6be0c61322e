package dk.hotline.routing;

import dk.hotline.common.Language;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.OnCall;
import dk.hotline.rota.Rota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Who to ring now: the rota's leaders on shift, who are active and available, not on a call, not
 * in wrap-up, and not already rung for this call; the caller's language first, then whoever was
 * offered a call longest ago. Each chosen leader is reserved by an offer row in the caller's
 * transaction, under a per-leader lock, so two calls arriving together never ring one leader.
 */
public final class Router {
    /** Ringing stops by itself; an offer still "ringing" after this lost its callback. */
    private static final Duration STALE_RINGING = Duration.ofMinutes(10);
    private static final Duration STALE_ACCEPTED = Duration.ofHours(12);

    private final Rota rota;
    private final Leaders leaders;
    private final RoutingSettings settings;
    private final Clock clock;

    public Router(Rota rota, Leaders leaders, RoutingSettings settings, Clock clock) {
        this.rota = rota;
        this.leaders = leaders;
        this.settings = settings;
        this.clock = clock;
    }

    /** Picks and reserves leaders for a caller, ringing them for a call coming in or for the queue. */
    public RouteDecision route(Handle tx, String callSid, Language language, OfferKind kind) {
        Instant now = clock.instant();
        Instant wrapUpSince = now.minus(settings.wrapUp());
        RoutingQueries.expireStale(tx, now.minus(STALE_RINGING), now.minus(STALE_ACCEPTED), now);
        List<OnCall> onCall = rota.onCallNow(tx, now);
        if (onCall.isEmpty()) {
            return new RouteDecision.NobodyOnCall();
        }
        var standing = RoutingQueries.standing(tx, onCall.stream().mapToLong(OnCall::id).toArray(), callSid, wrapUpSince);
        List<OnCall> candidates = onCall.stream()
                .filter(l -> !standing.get(l.id()).busy() && !standing.get(l.id()).rung())
                .toList();
        if (candidates.isEmpty()) {
            // Everyone free was rung for this call already and did not take it: waiting would not help.
            boolean anyBusy = standing.values().stream().anyMatch(RoutingQueries.Standing::busy);
            return anyBusy ? new RouteDecision.AllBusy() : new RouteDecision.NoAnswer();
        }
        int wanted = settings.strategy() == RoutingSettings.Strategy.SIMULTANEOUS ? settings.simultaneous() : 1;
        var offers = new ArrayList<Offer>();
        for (OnCall leader : ordered(candidates, standing, language)) {
            if (offers.size() == wanted) {
                break;
            }
            // Locked, then checked again: another instance may have committed an offer since we looked.
            if (RoutingQueries.tryLock(tx, leader.id())) {
                RoutingQueries.offer(tx, callSid, leader.id(), kind.code(), now, wrapUpSince)
                        .ifPresent(id -> offers.add(new Offer(id, leader.id(), leader.name(), leaders.phone(leader))));
            }
        }
        return offers.isEmpty() ? new RouteDecision.AllBusy() : new RouteDecision.Ring(List.copyOf(offers));
    }

    /** Whether anyone could take a call right now, without reserving anybody. */
    public boolean anyoneFree(Handle tx) {
        Instant now = clock.instant();
        long[] ids = rota.onCallNow(tx, now).stream().mapToLong(OnCall::id).toArray();
        return ids.length > 0 && RoutingQueries.standing(tx, ids, "", now.minus(settings.wrapUp())).values().stream()
                .anyMatch(standing -> !standing.busy());
    }

    /** The caller's language first, then whoever was offered a call longest ago (never: first), then by id. */
    private static List<OnCall> ordered(List<OnCall> candidates, Map<Long, RoutingQueries.Standing> standing,
                                        Language language) {
        return candidates.stream()
                .sorted(Comparator.<OnCall, Boolean>comparing(l -> !l.languages().contains(language))
                        .thenComparing(l -> Objects.requireNonNullElse(standing.get(l.id()).lastOffered(), Instant.EPOCH))
                        .thenComparing(OnCall::id))
                .toList();
    }
}
