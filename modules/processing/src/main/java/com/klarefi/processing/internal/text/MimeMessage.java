package com.klarefi.processing.internal.text;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An e-mail (.eml) read as text: the headers a reader of the mail sees (From, To, Cc, Date,
 * Subject), a blank line, then the text body: the first text/plain part that is not an attachment,
 * else the first HTML part as text.
 */
final class MimeMessage {
    private static final List<String> SHOWN_HEADERS = List.of("From", "To", "Cc", "Date", "Subject");
    /** RFC 5322 requires From and Date; a saved message usually carries one of the others too. */
    private static final Set<String> MESSAGE_MARKERS =
            Set.of("date", "mime-version", "message-id", "received", "return-path");

    private static final Pattern FIELD = Pattern.compile("[!-9;-~]+:.*");
    private static final int MAX_HEADER_LINES = 500;

    private MimeMessage() {}

    /**
     * Whether text starts with an RFC 5322 header block. A pasted "From:/Sent:/To:" quote from a
     * mail client lacks Date and the transport headers, and stays plain text.
     */
    static boolean looksLikeMessage(String text) {
        Set<String> names = new HashSet<>();
        List<String> lines = text.lines().limit(MAX_HEADER_LINES).toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                break;
            }
            boolean continuation = i > 0 && (line.startsWith(" ") || line.startsWith("\t"));
            if (!continuation && !FIELD.matcher(line).matches()) {
                return false;
            }
            if (!continuation) {
                names.add(line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT));
            }
        }
        return names.contains("from") && names.stream().anyMatch(MESSAGE_MARKERS::contains);
    }

    static String text(byte[] content) {
        MimeEntity message = MimeEntity.parse(content);
        StringBuilder out = new StringBuilder();
        for (String name : SHOWN_HEADERS) {
            message.header(name.toLowerCase(Locale.ROOT))
                    .map(MimeDecoding::headerText)
                    .map(value -> value.replaceAll("\\s+", " ").strip())
                    .ifPresent(
                            value -> out.append(name).append(": ").append(value).append('\n'));
        }
        String body = bodyText(message).orElse("");
        out.append('\n').append(body.replace("\r\n", "\n").replace('\r', '\n').strip());
        return out.toString().strip();
    }

    private static Optional<String> bodyText(MimeEntity message) {
        return firstPart(message, "text/plain")
                .map(MimeMessage::decodedText)
                .or(() -> firstPart(message, "text/html").map(part -> htmlText(decodedText(part))));
    }

    private static String htmlText(String html) {
        DocumentLimits.checkHtml(html.length());
        return HtmlText.toText(html);
    }

    private static Optional<MimeEntity> firstPart(MimeEntity entity, String mediaType) {
        if (entity.mediaType().startsWith("multipart/")) {
            for (MimeEntity part : entity.parts()) {
                Optional<MimeEntity> found = firstPart(part, mediaType);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return entity.mediaType().equals(mediaType) && !entity.isAttachment() ? Optional.of(entity) : Optional.empty();
    }

    private static String decodedText(MimeEntity part) {
        return TextDecoding.decode(part.decodedBody(), part.contentTypeParameter("charset"));
    }
}
