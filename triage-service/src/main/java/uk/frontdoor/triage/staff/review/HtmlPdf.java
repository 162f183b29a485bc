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

    /** @param what what the document is, for the error if it cannot be written ("the review pack") */
    public static byte[] render(String html, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be written as a PDF", e);
        }
        return out.toByteArray();
    }
}
