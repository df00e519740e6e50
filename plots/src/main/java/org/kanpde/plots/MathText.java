package org.kanpde.plots;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the ASCII math of problem descriptions and formula files read like the report's equations:
 * {@code -Laplace u} becomes −Δu, {@code grad} ∇, {@code pi} π, {@code theta} θ, integer powers
 * superscripts ({@code y^2} → y²), a minus sign − instead of a hyphen where one means minus, and
 * {@code *} is dropped between a factor and a symbol ({@code 2*pi*x} → 2πx) or becomes a space
 * before a function or bracket ({@code sin(x)*cos(y)} → sin(x) cos(y)). Hyphens inside words
 * ("L-shape") stay. Plain text in, plain text out: the caller escapes it for HTML.
 */
final class MathText {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern LAPLACE = Pattern.compile("\\bLaplace\\s*(?=[a-z(])");
    private static final Pattern GRAD = Pattern.compile("\\bgrad\\s*(?=[a-z(])");
    private static final Pattern PI_SPACE = Pattern.compile("\\bpi\\s+(?=[a-z]\\b)");
    private static final Pattern PI = Pattern.compile("\\bpi\\b");
    private static final Pattern NUMBER_SPACE_PI = Pattern.compile("(?<=\\d) π");
    private static final Pattern THETA = Pattern.compile("\\btheta\\b");
    private static final Pattern POWER = Pattern.compile("\\^(-?\\d+)(?!\\.?\\d)");
    /** A '-' that is a minus: at the start, or after a space, bracket, comma, operator or '='. */
    private static final Pattern MINUS = Pattern.compile("(^|[\\s(\\[,=+*/^])-(?=[\\w(.π√Δ∇])");
    private static final Pattern BINARY_MINUS = Pattern.compile("(?<=[\\w)\\]²³¹⁰-⁹]) - ");
    /** '*' before a function call or an opening bracket, or after a closing one: a space reads best. */
    private static final Pattern TIMES_SPACED = Pattern.compile("\\s*\\*\\s*(?=[a-zA-Zπ][a-zA-Z0-9]+\\(|\\()|(?<=\\))\\s*\\*\\s*");
    /** '*' between a number or symbol and a single-letter symbol: juxtaposition. */
    private static final Pattern TIMES_JOINED = Pattern.compile("(?<=[\\dπa-zA-Z²³¹⁰-⁹])\\s*\\*\\s*(?=[a-zA-Zπ])");

    private MathText() {
    }

    /** The text with the replacements above; null stays null. */
    static String pretty(String text) {
        if (text == null) {
            return null;
        }
        String s = LAPLACE.matcher(text).replaceAll("Δ");
        s = GRAD.matcher(s).replaceAll("∇");
        s = PI_SPACE.matcher(s).replaceAll("π");
        s = PI.matcher(s).replaceAll("π");
        s = NUMBER_SPACE_PI.matcher(s).replaceAll("π");
        s = THETA.matcher(s).replaceAll("θ");
        s = superscripts(s);
        s = TIMES_SPACED.matcher(s).replaceAll(" ");
        s = TIMES_JOINED.matcher(s).replaceAll("");
        s = s.replace("*", "·");
        s = BINARY_MINUS.matcher(s).replaceAll(" − ");
        Matcher m = MINUS.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "−"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String superscripts(String s) {
        Matcher m = POWER.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder sup = new StringBuilder();
            for (char c : m.group(1).toCharArray()) {
                sup.append(c == '-' ? '⁻' : SUPERSCRIPTS.charAt(c - '0'));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(sup.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
