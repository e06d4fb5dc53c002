package io.shmbench.report;

import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.FigureRenderer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every written figure must be: a PNG at three times its size, an SVG and a PDF that keep their text as text. */
final class FigureChecks {
    private FigureChecks() {
    }

    /** The names a reader sees for the series: legend entries and category labels. */
    @SuppressWarnings("unchecked") // JFreeChart's datasets return raw lists
    static List<String> seriesNames(JFreeChart chart) {
        List<String> names = new ArrayList<>();
        if (chart.getPlot() instanceof XYPlot xy) {
            XYDataset d = xy.getDataset();
            for (int i = 0; i < d.getSeriesCount(); i++) {
                names.add(d.getSeriesKey(i).toString());
            }
        } else if (chart.getPlot() instanceof CategoryPlot cp) {
            CategoryDataset d = cp.getDataset();
            d.getRowKeys().forEach(k -> names.add(k.toString()));
            d.getColumnKeys().forEach(k -> names.addAll(List.of(k.toString().split("\n"))));
        }
        return names;
    }

    static void png(List<Figure> figures, Path plotsDir) throws Exception {
        for (Figure f : figures) {
            BufferedImage img = ImageIO.read(FigureRenderer.files(plotsDir, f).get(0).toFile());
            assertNotNull(img, f.id());
            assertEquals(f.widthPt() * ChartStyle.PNG_SCALE, img.getWidth(), f.id());
            assertEquals(f.heightPt() * ChartStyle.PNG_SCALE, img.getHeight(), f.id());
            assertEquals(ChartStyle.WIDTH_PT, f.widthPt(), "one printed column wide: " + f.id());
        }
    }

    static void svg(List<Figure> figures, Path plotsDir) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        // Batik writes the SVG 1.0 DOCTYPE; the test reads offline, so the DTD is not fetched.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (Figure f : figures) {
            Path svg = FigureRenderer.files(plotsDir, f).get(1);
            Document doc = factory.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getLocalName(), f.id());
            assertEquals(ChartStyle.WIDTH_PT + "pt", doc.getDocumentElement().getAttribute("width"));
            String text = doc.getDocumentElement().getTextContent();
            assertTrue(text.contains(f.title()), f.id() + ": title as text");
            for (String name : seriesNames(f.chart())) {
                assertTrue(text.contains(name), f.id() + ": series '" + name + "' as text in SVG");
            }
        }
    }

    static void pdf(List<Figure> figures, Path plotsDir) throws Exception {
        for (Figure f : figures) {
            Path pdf = FigureRenderer.files(plotsDir, f).get(2);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertEquals(1, doc.getNumberOfPages(), f.id());
                assertEquals(f.widthPt(), doc.getPage(0).getMediaBox().getWidth(), 0.01);
                // PDFBox's text extraction puts spaces into rotated text (vertical axis labels): compare without.
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
                assertTrue(text.contains(f.title().replaceAll("\\s+", "")), f.id() + ": title as text in PDF, got " + text);
                for (String name : seriesNames(f.chart())) {
                    assertTrue(text.contains(name.replaceAll("\\s+", "")), f.id() + ": '" + name + "' in PDF text " + text);
                }
                String yLabel = f.chart().getPlot() instanceof XYPlot xy ? xy.getRangeAxis().getLabel()
                        : ((CategoryPlot) f.chart().getPlot()).getRangeAxis().getLabel();
                assertTrue(text.contains(yLabel.replaceAll("\\s+", "")), f.id() + ": value axis label '" + yLabel + "' as text");
            }
        }
    }
}
