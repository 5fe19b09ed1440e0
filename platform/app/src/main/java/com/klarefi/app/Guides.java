package com.klarefi.app;

import com.klarefi.platform.web.HtmlText;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The Markdown guides as HTML pages (CommonMark with GitHub tables), readable on a phone. */
final class Guides {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private Guides() {}

    static String render(String markdown) {
        Node document = PARSER.parse(markdown);
        // Wide tables scroll inside their box instead of widening the page.
        String body = RENDERER.render(document)
                .replace("<table>", "<div class=\"table\"><table>")
                .replace("</table>", "</table></div>");
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="assets/docs.css">
                </head>
                <body>
                <nav><a href="../docs">API reference</a> <a href="api">API guide</a> <a href="webhooks">Webhooks guide</a> <a href="../openapi.json">openapi.json</a></nav>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(HtmlText.escape(title(document)), body);
    }

    private static String title(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getFirstChild() instanceof Text text) {
                return text.getLiteral();
            }
        }
        return "Klarefi API";
    }
}
