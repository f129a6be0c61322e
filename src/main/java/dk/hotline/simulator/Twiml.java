package dk.hotline.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads a TwiML answer into its verbs, as Twilio does: anything that is not a {@code <Response>} has none. */
final class Twiml {
    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();

    static {
        try {
            FACTORY.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            FACTORY.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Twiml() {}

    /** The verbs under {@code <Response>}, in order; none for an empty or unreadable answer. */
    static List<Element> verbs(String xml) {
        if (xml == null || xml.isBlank()) {
            return List.of();
        }
        try {
            var root = FACTORY.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            return "Response".equals(root.getTagName()) ? children(root) : List.of();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return List.of();
        }
    }

    static List<Element> children(Element parent) {
        var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** A whole-number attribute, or {@code otherwise} when it is absent or not a number. */
    static int number(Element verb, String attribute, int otherwise) {
        try {
            return verb.hasAttribute(attribute) ? Integer.parseInt(verb.getAttribute(attribute).trim()) : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static String text(Element verb, String attribute, String otherwise) {
        return verb.hasAttribute(attribute) ? verb.getAttribute(attribute) : otherwise;
    }
}
