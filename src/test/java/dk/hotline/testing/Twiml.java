package dk.hotline.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** TwiML parsed as XML, asked with XPath: tests check structure, not strings. */
public final class Twiml {
    private final Document doc;
    private final String xml;

    private Twiml(Document doc, String xml) {
        this.doc = doc;
        this.xml = xml;
    }

    public String xml() {
        return xml;
    }

    public static Twiml parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Twiml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), xml);
        } catch (Exception e) {
            throw new AssertionError("not well-formed TwiML: " + xml, e);
        }
    }

    public String text(String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError("bad XPath " + xpath, e);
        }
    }

    public int count(String xpath) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET)).getLength();
        } catch (Exception e) {
            throw new AssertionError("bad XPath " + xpath, e);
        }
    }
}
