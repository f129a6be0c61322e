package dk.hotline.simulator;

import java.util.List;

/**
 * The simulator page: whether it runs (and why not), and the words its script shows.
 *
 * @param off why the simulator is off, in the reader's language; "" when it runs
 */
public record SimulatorView(boolean running, String off, List<Word> words) {
    public record Word(String key, String text) {}
}
