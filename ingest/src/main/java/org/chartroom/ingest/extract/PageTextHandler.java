package org.chartroom.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of Tika's XHTML body, split into pages where the parser marks them ({@code <div class="page">},
 * which the PDF parser emits per page). Text outside any page (e.g. PDF form field values, which Tika emits after the
 * last page) is appended to the last page, so nothing is lost. Formats without page markers give one page.
 *
 * <p>Stops the parse (by throwing) once more than {@code maxChars} characters have arrived. One instance per parse.
 */
final class PageTextHandler extends DefaultHandler {
    private final int maxChars;
    private final List<StringBuilder> pages = new ArrayList<>();
    private final StringBuilder outsidePages = new StringBuilder();
    private StringBuilder currentPage;
    private int nestedDivs;
    private long chars;
    private boolean limitReached;

    PageTextHandler(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!"div".equals(localName)) {
            return;
        }
        if (currentPage == null && "page".equals(attributes.getValue("class"))) {
            currentPage = new StringBuilder();
            pages.add(currentPage);
            nestedDivs = 0;
        } else if (currentPage != null) {
            nestedDivs++;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!"div".equals(localName) || currentPage == null) {
            return;
        }
        if (nestedDivs == 0) {
            currentPage = null;
        } else {
            nestedDivs--;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    /** Tika reports the line breaks after block elements as ignorable whitespace; they separate paragraphs. */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        append(ch, start, length);
    }

    private void append(char[] ch, int start, int length) throws SAXException {
        chars += length;
        if (chars > maxChars) {
            limitReached = true;
            throw new TextLimitReached();
        }
        (currentPage != null ? currentPage : outsidePages).append(ch, start, length);
    }

    boolean limitReached() {
        return limitReached;
    }

    /** The text of each page, line breaks normalised to {@code \n} and surrounding whitespace removed. */
    List<String> pageTexts() {
        String outside = clean(outsidePages);
        if (pages.isEmpty()) {
            return List.of(outside);
        }
        List<String> texts = new ArrayList<>(pages.size());
        for (StringBuilder page : pages) {
            texts.add(clean(page));
        }
        if (!outside.isEmpty()) {
            int last = texts.size() - 1;
            texts.set(last, texts.get(last).isEmpty() ? outside : texts.get(last) + "\n\n" + outside);
        }
        return texts;
    }

    private static String clean(CharSequence text) {
        return text.toString().replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** Thrown into the parser to stop it; recognised through {@link #limitReached()}, whatever wraps it. */
    static final class TextLimitReached extends SAXException {
        private static final long serialVersionUID = 1L;

        TextLimitReached() {
            super("text limit reached");
        }
    }
}
