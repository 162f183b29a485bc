package uk.frontdoor.triage.staff.review;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlPdfTest {

    @Test
    void a_page_holding_characters_xml_cannot_hold_is_still_written_as_a_pdf() {
        String html = "<html><body><p>Proceedings \u001b[31m started \u0000 today \uD800 \uFFFE.</p></body></html>";

        byte[] pdf = HtmlPdf.render(html, "The test page");

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void only_the_characters_xml_cannot_hold_are_replaced() {
        assertThat(HtmlPdf.xmlCharactersOnly("a\u001bb\tc\nd \uD83D\uDE00 e\uD800f"))
                .isEqualTo("a\uFFFDb\tc\nd \uD83D\uDE00 e\uFFFDf");
        String plain = "<p>Nothing to change: Zoë, 東京</p>";
        assertThat(HtmlPdf.xmlCharactersOnly(plain)).isSameAs(plain);
    }
}
