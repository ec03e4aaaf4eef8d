package org.dlspark.scaling;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlspark.train.InvalidSettingException;

/**
 * A worker's network link, each way: its bandwidth and the one-way delay of every message. Loopback is taken as
 * infinitely fast: on this machine the exchange's cost is the software's and the waiting's, which the model
 * calibrates from a measured run.
 *
 * @param bitsPerSecond the bandwidth, or infinity
 * @param latencySeconds the one-way delay per message
 */
public record Link(double bitsPerSecond, double latencySeconds) {

    /** A link that costs nothing: loopback. */
    public static final Link LOOPBACK = new Link(Double.POSITIVE_INFINITY, 0);

    /** Bytes an Aeron data frame carries at its default MTU of 1,408 bytes. */
    private static final int FRAME_PAYLOAD = 1408 - 32;
    /** Bytes a frame costs on the wire beyond its payload: Aeron's header, UDP, IPv4 and Ethernet. */
    private static final int FRAME_OVERHEAD = 32 + 8 + 20 + 14;
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)(k|m|g)bit(?:/(\\d+(?:\\.\\d+)?)(us|ms))?");

    /**
     * Seconds to send {@code messages} messages of {@code messageBytes} each in {@code rounds} rounds that each wait
     * for the previous: every round's delay, and every message's frames at the bandwidth.
     */
    public double seconds(double rounds, double messages, double messageBytes) {
        double frames = Math.ceil(messageBytes / FRAME_PAYLOAD);
        double wire = messages * (messageBytes + frames * FRAME_OVERHEAD);
        return rounds * latencySeconds + (Double.isInfinite(bitsPerSecond) ? 0 : 8 * wire / bitsPerSecond);
    }

    /** As tc writes rates, with the delay after a slash: {@code 2mbit}, {@code 10gbit/50us}, or {@code loopback}. */
    public String label() {
        if (Double.isInfinite(bitsPerSecond)) {
            return "loopback";
        }
        String rate = bitsPerSecond >= 1e9 ? format(bitsPerSecond / 1e9) + "gbit"
                : bitsPerSecond >= 1e6 ? format(bitsPerSecond / 1e6) + "mbit" : format(bitsPerSecond / 1e3) + "kbit";
        if (latencySeconds == 0) {
            return rate;
        }
        return rate + "/" + (latencySeconds >= 1e-3 ? format(latencySeconds * 1e3) + "ms"
                : format(latencySeconds * 1e6) + "us");
    }

    private static String format(double value) {
        double tenths = Math.rint(value * 10) / 10;
        return tenths == Math.rint(tenths) ? Long.toString((long) tenths) : String.format(Locale.ROOT, "%.1f", tenths);
    }

    /**
     * Reads {@code loopback} or a rate in tc's units with an optional one-way delay: {@code 2mbit},
     * {@code 10gbit/50us}, {@code 100mbit/2ms}.
     *
     * @throws InvalidSettingException naming {@code option} when the text is neither
     */
    public static Link parse(String text, String option) {
        if (text.equals("loopback")) {
            return LOOPBACK;
        }
        Matcher link = RATE.matcher(text);
        if (!link.matches() || Double.parseDouble(link.group(1)) <= 0) {
            throw new InvalidSettingException(option, "must be 'loopback' or a rate such as 2mbit or 10gbit/50us, "
                    + "got '" + text + "'");
        }
        double unit = switch (link.group(2)) {
            case "k" -> 1e3;
            case "m" -> 1e6;
            default -> 1e9;
        };
        double delay = link.group(3) == null ? 0
                : Double.parseDouble(link.group(3)) / (link.group(4).equals("us") ? 1e6 : 1e3);
        return new Link(Double.parseDouble(link.group(1)) * unit, delay);
    }
}
