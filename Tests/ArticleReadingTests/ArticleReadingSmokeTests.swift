import Testing
@testable import ArticleReading
