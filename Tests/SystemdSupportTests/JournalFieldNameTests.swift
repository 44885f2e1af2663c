import Testing
@testable import SystemdSupport

struct JournalFieldNameTests {
    @Test(arguments: [
        ("entityd_file", "ENTITYD_FILE"),
        ("ENTITYD_ELAPSED_MS", "ENTITYD_ELAPSED_MS"),
        ("file-name.txt", "FILE_NAME_TXT"),
        ("__hidden", "HIDDEN"),
        ("3d_model", "D_MODEL"),
        ("", "FIELD"),
        ("__", "FIELD"),
        ("priority", "METADATA_PRIORITY"),
        ("Grüße", "GR__E"),
    ])
    func sanitizesToJournalFieldSyntax(key: String, expected: String) {
        #expect(JournalFieldName.sanitize(key) == expected)
    }

    /// Keys that are already field names are used as they are; reserved ones never are.
    @Test func validNamesPassUnchangedButReservedOnesArePrefixed() {
        #expect(JournalFieldName.isValid("ENTITYD_OUTPUT"))
        #expect(JournalFieldName.sanitize("ENTITYD_OUTPUT") == "ENTITYD_OUTPUT")
        #expect(!JournalFieldName.isValid("MESSAGE"))
        #expect(JournalFieldName.sanitize("MESSAGE") == "METADATA_MESSAGE")
        #expect(!JournalFieldName.isValid("_PID") && !JournalFieldName.isValid("9A") && !JournalFieldName.isValid("A-B"))
        #expect(!JournalFieldName.isValid(String(repeating: "A", count: 65)))
    }

    @Test func cutsAtSixtyFourCharacters() {
        let name = JournalFieldName.sanitize(String(repeating: "a", count: 100))
        #expect(name == String(repeating: "A", count: 64))
    }

    @Test func everyResultIsAValidName() {
        for key in ["a b", "_", "0", "é", "x=y", "MESSAGE", String(repeating: "_1", count: 50)] {
            let name = JournalFieldName.sanitize(key)
            #expect(!name.isEmpty && name.count <= 64)
            #expect(name.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
            #expect(name.first != "_" && !(name.first!.isNumber))
        }
    }
}
