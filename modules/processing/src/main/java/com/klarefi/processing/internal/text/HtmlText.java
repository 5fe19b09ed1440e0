package com.klarefi.processing.internal.text;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The readable text of an HTML mail body: no scripts, styles or head; block elements on own lines.
 * jsoup parses as a browser does, in one pass whatever the markup (50,000 unclosed comments cost
 * what 50,000 characters cost); regular expressions over HTML took quadratic time on such input.
 */
final class HtmlText {
    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "template", "noscript");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br");
    private static final Pattern SPACES = Pattern.compile("[ \t\r\f\u00A0]+");
    private static final Pattern SPACE_AT_LINE_EDGE = Pattern.compile(" ?\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlText() {}

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select(String.join(",", INVISIBLE)).remove();
        StringBuilder text = new StringBuilder(html.length() / 2);
        document.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element
                        && BLOCKS.contains(element.normalName())
                        && !element.normalName().equals("br")) {
                    text.append('\n');
                }
            }
        });
        String spaced = SPACES.matcher(text).replaceAll(" ");
        String trimmed = SPACE_AT_LINE_EDGE.matcher(spaced).replaceAll("\n");
        return BLANK_LINES.matcher(trimmed).replaceAll("\n\n").strip();
    }
}
