/// Appends JSON text to a byte buffer, byte for byte as Foundation's `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` writes the same values.
///
/// The outbox writer and `entityd extract` encode every result with it: Foundation's encoder
/// goes through `Encoder` containers, boxes and a key sort per object, which cost more than
/// the whole extraction on Linux.
public struct JSONWriter: Sendable {
    /// Written bytes are `storage[0..<count]`; the rest is room, so that appending is a copy
    /// into place rather than the array's general `append(contentsOf:)`.
    private var storage: [UInt8]
    private var count = 0

    /// The JSON text written so far, UTF-8.
    public var bytes: [UInt8] {
        get { count == storage.count ? storage : Array(storage[0..<count]) }
        // In place: the spare room is dropped (capacity kept), the caller appends, the count follows.
        _modify {
            storage.removeSubrange(count...)
            yield &storage
            count = storage.count
        }
        set {
            storage = newValue
            count = newValue.count
        }
    }

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        storage = Self.room(max(64, capacity), keeping: UnsafeBufferPointer(start: nil, count: 0))
    }

    /// `size` bytes whose first ones are a copy of `kept` and the rest left as they come: room is
    /// written before it is read (only `count` bytes are ever read), so zero-filling it is waste.
    private static func room(_ size: Int, keeping kept: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            if let source = kept.baseAddress, !kept.isEmpty { buffer.baseAddress!.update(from: source, count: kept.count) }
            initialized = size
        }
    }

    /// Appends JSON punctuation or a key already in JSON form (ASCII, nothing to escape).
    @inline(__always) public mutating func raw(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends one byte of JSON punctuation.
    @inline(__always) public mutating func byte(_ b: UInt8) {
        if count == storage.count { grow(1) }
        storage[count] = b
        count += 1
    }

    /// Copies `n` bytes from `source` to the end.
    @inline(__always) private mutating func append(_ source: UnsafePointer<UInt8>, _ n: Int) {
        if storage.count - count < n { grow(n) }
        let at = count
        storage.withUnsafeMutableBufferPointer { ($0.baseAddress! + at).update(from: source, count: n) }
        count += n
    }

    /// Room for at least `n` more bytes: the storage doubles (only `count` bytes are text).
    private mutating func grow(_ n: Int) {
        let count = self.count
        storage = storage.withUnsafeBufferPointer { Self.room(storage.count + max(storage.count, n), keeping: UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }

    /// Appends `null`.
    public mutating func null() { raw("null") }

    /// Runs `body` with a cursor over at least `room` bytes at the end; `body` writes at most that.
    @inline(__always) mutating func write(room: Int, _ body: (inout JSONCursor) -> Void) {
        if storage.count - count < room { grow(room) }
        let at = count
        count += storage.withUnsafeMutableBufferPointer { buffer -> Int in
            let start = buffer.baseAddress! + at
            var cursor = JSONCursor(p: start)
            body(&cursor)
            return cursor.p - start
        }
    }

    /// The text written, the writer's storage cut to it (no copy): for a writer about to be dropped.
    consuming func finish() -> [UInt8] {
        storage.removeSubrange(count...)
        return storage
    }

    /// Appends a string literal, escaped as `JSONEncoder` escapes (`"`, `\`, control characters).
    public mutating func string(_ value: String) {
        write(room: JSONCursor.room(forString: value.utf8.count)) { $0.string(value) }
    }

    /// Appends a string literal of a substring.
    public mutating func string(_ value: Substring) {
        var value = value
        value.withUTF8 { utf8 in write(room: JSONCursor.room(forString: utf8.count)) { $0.string(utf8) } }
    }

    /// Appends a string literal or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Appends an integer in decimal.
    public mutating func int(_ value: Int) {
        write(room: JSONCursor.maximumNumberLength) { $0.int(value) }
    }

    /// Appends a number as `JSONEncoder` writes a `Double`: its shortest round-trip spelling,
    /// without a trailing `.0` ("1", "0.25", "1e-05").
    public mutating func double(_ value: Double) {
        write(room: JSONCursor.maximumNumberLength) { $0.double(value) }
    }

    /// Appends a number or `null`.
    public mutating func double(_ value: Double?) {
        if let value { double(value) } else { null() }
    }
}

/// Receives a number's spelling from `TextOutputStreamable.write(to:)`: up to 32 ASCII bytes in place.
struct DigitStream: TextOutputStream {
    var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var count = 0

    /// The standard library's entry point for streams that take ASCII bytes: `Double.write(to:)`
    /// calls it instead of `write(_:)`, so no String is made (nothing in this package calls it).
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        append(buffer)
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        let start = count
        let n = min(buffer.count, 32 - start)
        guard n > 0, let source = buffer.baseAddress else { return }
        withUnsafeMutableBytes(of: &bytes) { out in
            (out.baseAddress! + start).copyMemory(from: source, byteCount: n)
        }
        count += n
    }
}
