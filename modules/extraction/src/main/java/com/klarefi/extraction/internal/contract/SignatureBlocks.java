package com.klarefi.extraction.internal.contract;

import com.klarefi.extraction.internal.layout.TextLines;
import com.klarefi.extraction.internal.recognise.Match;
import com.klarefi.extraction.internal.recognise.Recogniser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parties of an agreement that has no opening sentence (a letter agreement: "Dear Sir: ...
 * Very truly yours, Caribou Coffee Company, Inc. By: /s/ ... Accepted and agreed: JAB Beech Inc.
 * By: ..."): each organisation that heads a signature block, the line above a "By:" line. It is
 * surer when the first page names it too (the addressee, or the company the letter speaks for).
 */
final class SignatureBlocks {
    private static final Pattern BY = Pattern.compile("(?i)^\\s*By\\s*[:;]");
    /** Signature blocks stand on the last pages. */
    private static final int LAST_PAGES = 2;
    /** The name heads its block within this many lines above "By:". */
    private static final int ABOVE = 2;

    private SignatureBlocks() {}

    /** The organisations heading signature blocks, each stated as a party. */
    static List<Statement> parties(List<Integer> pageIndexes, List<String> texts, Recogniser names) {
        String firstPage = Preamble.key(texts.getFirst());
        List<Statement> parties = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = Math.max(0, texts.size() - LAST_PAGES); i < texts.size(); i++) {
            String text = texts.get(i);
            List<int[]> lines = TextLines.of(text);
            for (int line = 0; line < lines.size(); line++) {
                if (!BY.matcher(text.substring(lines.get(line)[0], lines.get(line)[1]))
                        .find()) {
                    continue;
                }
                for (int above = line - 1; above >= Math.max(0, line - ABOVE); above--) {
                    int start = lines.get(above)[0];
                    String content = text.substring(start, lines.get(above)[1]);
                    int first = content.length() - content.stripLeading().length();
                    Match name = names.scan(content).stream()
                            .filter(match -> match.start() == first)
                            .findFirst()
                            .orElse(null);
                    if (name != null) {
                        String key = Preamble.key(content.substring(name.start(), name.end()));
                        if (!seen.contains(key)) {
                            seen.add(key);
                            double support = firstPage.contains(key) ? ContractReader.CONFIRMED : ContractReader.LISTED;
                            parties.add(new Statement(
                                    Clause.PARTIES,
                                    pageIndexes.get(i),
                                    start + name.start(),
                                    start + name.end(),
                                    support));
                        }
                        break;
                    }
                }
            }
        }
        return parties;
    }
}
