/// What an image file says about where it came from: the machine-readable "AI-generated"
/// marking of EU AI Act article 50(2), as the IPTC photo metadata standard spells it.
///
/// A PNG gets an XMP packet (`iTXt` chunk `XML:com.adobe.xmp`) with
/// `Iptc4xmpExt:DigitalSourceType` = ``digitalSourceType``, `xmp:CreatorTool` and `dc:description`,
/// plus `tEXt` chunks `Software` and `Comment` for readers that know no XMP; a PGM gets the same
/// facts as `#` comment lines. No C2PA manifest: that needs a signing certificate.
///
/// ```swift
/// let mark = ImageProvenance(creatorTool: "ganscope 0.1.0",
///                            description: "checkpoint mnist-1-2000.safetensors (SHA-256 …), step 2000, seed 0")
/// let png = try PNGWriter.encode(grid, provenance: mark)
/// ```
public struct ImageProvenance: Sendable, Equatable {
    /// IPTC's term for "created by a model trained on sampled content".
    public static let digitalSourceType = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    /// The namespace of the IPTC Extension schema, which defines `DigitalSourceType`.
    public static let iptcExtensionNamespace = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
    /// The `iTXt` keyword under which PNG files carry XMP.
    public static let xmpKeyword = "XML:com.adobe.xmp"

    /// The program and its version, e.g. "ganscope 0.1.0".
    public var creatorTool: String
    /// What made the image: checkpoint file and digest, step, seed.
    public var description: String

    public init(creatorTool: String, description: String) {
        self.creatorTool = creatorTool
        self.description = description
    }

    /// The one-line statement in `Comment` chunks and PGM comments.
    public var statement: String {
        "AI-generated image (IPTC digital source type trainedAlgorithmicMedia, "
            + "\(Self.digitalSourceType)). \(description)"
    }

    /// The XMP packet (UTF-8 text), with the IPTC, XMP basic and Dublin Core properties.
    public var xmpPacket: String {
        """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about=""
            xmlns:Iptc4xmpExt="\(Self.iptcExtensionNamespace)"
            xmlns:xmp="http://ns.adobe.com/xap/1.0/"
            xmlns:dc="http://purl.org/dc/elements/1.1/">
           <Iptc4xmpExt:DigitalSourceType>\(Self.digitalSourceType)</Iptc4xmpExt:DigitalSourceType>
           <xmp:CreatorTool>\(Self.escapeXML(creatorTool))</xmp:CreatorTool>
           <dc:description>
            <rdf:Alt>
             <rdf:li xml:lang="x-default">\(Self.escapeXML(statement))</rdf:li>
            </rdf:Alt>
           </dc:description>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="r"?>
        """
    }

    /// The facts as PGM comment lines (each starts with "# ", no line breaks inside).
    public var commentLines: [String] {
        ["# \(statement)", "# Software: \(creatorTool)"].map { Self.oneLine($0) }
    }

    /// Whether PNG `bytes` carry an XMP packet naming ``digitalSourceType``: found in an
    /// uncompressed `iTXt` chunk `XML:com.adobe.xmp` before the first IDAT (where this writer
    /// puts it). A compressed XMP chunk from another tool is not inflated and reads as unmarked.
    public static func isMarked(png bytes: [UInt8]) -> Bool {
        guard let chunks = try? PNGChunks.read(bytes) else { return false }
        for chunk in chunks {
            if chunk.type == "IDAT" { return false }
            guard chunk.type == "iTXt", let text = PNGChunks.internationalText(chunk.data),
                  text.keyword == xmpKeyword else { continue }
            if text.text.contains(digitalSourceType) { return true }
        }
        return false
    }

    /// Latin-1-safe text for `tEXt` (which allows no other characters): anything else becomes "?".
    static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 256 && $0.value != 0 ? UInt8($0.value) : UInt8(ascii: "?") }
    }

    private static func escapeXML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
