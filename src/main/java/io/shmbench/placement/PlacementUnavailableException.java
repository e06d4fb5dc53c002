package io.shmbench.placement;

/** A placement was asked for that this host cannot offer; the message gives the reason. */
public class PlacementUnavailableException extends PlacementException {
    private final transient PlacementDecision.Unavailable decision;

    public PlacementUnavailableException(PlacementDecision.Unavailable decision) {
        super("placement " + decision.placement().label() + " is not available on this host: " + decision.reason());
        this.decision = decision;
    }

    public PlacementDecision.Unavailable decision() {
        return decision;
    }
}
