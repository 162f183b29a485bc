package uk.frontdoor.triage.staff.review;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A page the service printed as HTML (a Thymeleaf template), laid out by openhtmltopdf and written as a PDF by
 * PDFBox: the review pack and the subject access bundle.
 */
public final class HtmlPdf {

    private HtmlPdf() {
    }

    /**
     * @param what what the document is, for the error if it cannot be written ("the review pack")
     */
    public static byte[] render(String html, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xmlCharactersOnly(html), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be written as a PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * The page with every character XML 1.0 cannot hold (the C0 controls but tab, line feed and carriage return; lone
     * surrogates; U+FFFE and U+FFFF) shown as U+FFFD. openhtmltopdf reads the page as XML and refused the whole of it
     * for one such character, which staff's free text may hold (an escape character in a hold's reason made the
     * subject access PDF a 500: the staff API fuzz test at full size).
     */
    static String xmlCharactersOnly(String html) {
        StringBuilder clean = null;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1))) {
                if (clean != null) {
                    clean.append(c).append(html.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && clean == null) {
                clean = new StringBuilder(html.length()).append(html, 0, i);
            }
            if (clean != null) {
                clean.append(allowed ? c : '\uFFFD');
            }
        }
        return clean == null ? html : clean.toString();
    }
}
