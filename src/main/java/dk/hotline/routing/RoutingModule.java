package dk.hotline.routing;

import dk.hotline.rota.RotaModule;
import java.time.Clock;

/** Who is rung for a call ({@link Router}), and the offers that hold each leader while their phone rings or they talk. */
public record RoutingModule(Router router, Offers offers, RoutingSettings settings) {
    public static RoutingModule create(RotaModule rota, RoutingSettings settings, Clock clock) {
        return new RoutingModule(new Router(rota.rota(), rota.leaders(), settings, clock), new Offers(clock), settings);
    }
}
