package org.kanpde.plots;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** HTML text escaping and relative links. */
final class Html {
    private Html() {
    }

    /** Escapes the characters that are special in HTML text and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int t = 0; t < text.length(); t++) {
            char c = text.charAt(t);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#39;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The relative URL of {@code file} seen from {@code directory}: path segments joined by '/', each
     * percent-encoded (UTF-8) except unreserved characters, so spaces and '#' in names cannot break
     * the link.
     *
     * @throws IllegalArgumentException if no relative path exists (different file system roots)
     */
    static String relativeUrl(Path directory, Path file) {
        Path from = directory.toAbsolutePath().normalize();
        Path to = file.toAbsolutePath().normalize();
        Path relative;
        try {
            relative = from.relativize(to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file " + file + " cannot be linked relative to " + directory, e);
        }
        StringBuilder sb = new StringBuilder();
        for (Path segment : relative) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            for (byte b : segment.toString().getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xFF);
                boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_' || c == '~';
                if (unreserved) {
                    sb.append(c);
                } else {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return sb.toString();
    }
}
