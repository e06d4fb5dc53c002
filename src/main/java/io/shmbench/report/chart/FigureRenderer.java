package io.shmbench.report.chart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.ChartUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a figure as PNG (for screens, {@link ChartStyle#PNG_SCALE} times its point size), SVG
 * (Apache Batik's SVG Graphics2D) and PDF (PDFBox-Graphics2D), the vector files at the figure's
 * size in points with text kept as text.
 */
public final class FigureRenderer {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private FigureRenderer() {
    }

    /** The three files of a figure in {@code dir}: id.png, id.svg, id.pdf. */
    public static List<Path> files(Path dir, Figure f) {
        return List.of(dir.resolve(f.id() + ".png"), dir.resolve(f.id() + ".svg"), dir.resolve(f.id() + ".pdf"));
    }

    public static List<Path> write(Figure f, Path dir) throws IOException {
        List<Path> files = files(dir, f);
        writePng(f, files.get(0));
        writeSvg(f, files.get(1));
        writePdf(f, files.get(2));
        return files;
    }

    public static void writePng(Figure f, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeScaledChartAsPNG(out, f.chart(), f.widthPt(), f.heightPt(),
                    ChartStyle.PNG_SCALE, ChartStyle.PNG_SCALE);
        }
    }

    public static void writeSvg(Figure f, Path file) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML DOM implementation for SVG output", e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("shmbench figure " + f.id());
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new Dimension(f.widthPt(), f.heightPt()));
        f.chart().draw(g, new Rectangle2D.Double(0, 0, f.widthPt(), f.heightPt()));
        Element root = g.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + f.widthPt() + " " + f.heightPt());
        // Points, so a paper's layout sees the figure at its printed size.
        root.setAttributeNS(null, "width", f.widthPt() + "pt");
        root.setAttributeNS(null, "height", f.heightPt() + "pt");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            g.stream(root, out, true, false);
        } finally {
            g.dispose();
        }
    }

    public static void writePdf(Figure f, Path file) throws IOException {
        try (PDDocument doc = new PDDocument();
             PdfBoxGraphics2DFontTextDrawer fonts = fontDrawer()) {
            PDPage page = new PDPage(new PDRectangle(f.widthPt(), f.heightPt()));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.widthPt(), f.heightPt());
            g.setFontTextDrawer(fonts);
            try {
                f.chart().draw(g, new Rectangle2D.Double(0, 0, f.widthPt(), f.heightPt()));
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(g.getXFormObject());
            }
            doc.getDocumentInformation().setTitle(f.title());
            doc.getDocumentInformation().setCreator("shmbench report");
            doc.save(file.toFile());
        }
    }

    /**
     * Embeds DejaVu Sans when its files are found; otherwise maps fonts to the PDF standard fonts
     * (Helvetica), which keeps text as text too.
     */
    private static PdfBoxGraphics2DFontTextDrawer fontDrawer() {
        if (!FontFiles.DEJAVU_SANS.isEmpty() && ChartStyle.hasPreferredFont()) {
            PdfBoxGraphics2DFontTextDrawer drawer = new PdfBoxGraphics2DFontTextDrawer();
            FontFiles.DEJAVU_SANS.forEach(p -> drawer.registerFont(p.toFile()));
            return drawer;
        }
        return new PdfBoxGraphics2DFontTextDrawerDefaultFonts();
    }
}
