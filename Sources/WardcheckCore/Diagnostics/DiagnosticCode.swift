/// Stable diagnostic codes. A code never changes meaning once published; docs/diagnostics.md
/// explains each one, and a test keeps that page and this list in step.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    // Reading the file as YAML.
    case fileUnreadable = "WC001"
    case fileTooLarge = "WC002"
    case invalidUTF8 = "WC003"
    case yamlSyntax = "WC004"
    case tabIndentation = "WC005"
    case emptyFile = "WC006"
    case rootNotMapping = "WC007"
    case multipleDocuments = "WC008"
    case tooDeep = "WC009"
    case scalarTooLong = "WC010"
    case duplicateKey = "WC011"
    case anchorOrAlias = "WC012"
    case tag = "WC013"
    case complexKey = "WC014"

    // Checking a facts file against the facts schema.
    case unknownKey = "WC101"
    case wrongShape = "WC102"
    case notBoolean = "WC103"
    case notCount = "WC104"
    case notNumber = "WC105"
    case badDate = "WC106"
    case notInEnum = "WC107"
    case outOfRange = "WC108"
    case badPattern = "WC109"
    case missingRequired = "WC110"
    case unsupportedFormat = "WC111"
    case crossField = "WC112"
    case dateAfterAsOf = "WC113"
    case badText = "WC114"

    // Loading criteria, the facts schema, the catalogue, waivers and the roster.
    case configInvalid = "WC201"
    case unknownFact = "WC202"
    case unknownItem = "WC203"
    case unknownOperator = "WC204"
    case typeMismatch = "WC205"
    case exampleMismatch = "WC206"
    case duplicateCriterion = "WC207"
    case unknownCriterion = "WC208"
    case waiverExpired = "WC209"

    // Auditing a set of submissions.
    case notInRoster = "WC301"
    case duplicateUnit = "WC302"
    case rosterMismatch = "WC303"
    case staleFacts = "WC304"
}

public enum Severity: String, Sendable, Codable {
    case error, warning, note
}
