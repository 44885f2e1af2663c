extension Extractor {
    /// Titles and roles in front of a name: not part of a PERSON span.
    static let titles = WordSet([
        "President", "Prime", "Minister", "Secretary", "General", "Gen.", "Commander", "Chancellor", "King", "Queen",
        "Prince", "Princess", "Pope", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gov.",
        "Mayor", "Judge", "Chief", "Col.", "Lt.", "Sgt.", "Capt.", "Adm.", "Maj.", "Colonel", "Lieutenant",
        "Sergeant", "Captain", "Admiral", "Major", "Senator", "Governor", "Representative", "Ambassador", "Foreign",
        "Defense", "Defence", "Vice", "Deputy", "Sir", "Lord", "Lady", "Dame", "Professor", "Prof.", "Rev.",
        "Father", "Sheikh", "Emir", "Crown", "Speaker", "Justice", "Commissioner", "Director", "Spokesman",
        "Spokeswoman", "Coach", "Premier", "Presidents", "Leader", "Chairman", "Chairwoman", "Sheik", "Ayatollah",
        "Commander-in-Chief", "Field", "Marshal", "Brig.", "Cpl.", "Pvt.", "Officer", "Agent", "Detective",
        // departments that end a role ("Secretary of State Antony Blinken")
        "State", "Interior", "Treasury", "Finance", "Affairs", "Health", "Education", "Energy", "Commerce", "Labor",
        "Agriculture", "Transportation", "Homeland", "Security", "Staff", "Economy", "Trade",
    ])

    /// Lower-case words that join a role, never a name: "Secretary of Defense Lloyd Austin".
    static let roleConnectors = WordSet(["of", "the", "for", "and", "to", "on", "at"])

    /// Roles that, right before a first and last name, make the name a person even where the
    /// recognizer read "Secretary of Defense Lloyd Austin" as an organization. Narrower than
    /// `titles`: "Major League Baseball" and "General Motors" must stay what they are.
    static let roles = WordSet([
        "President", "Secretary", "Minister", "Defense", "Defence", "Commander", "Chancellor", "Senator", "Governor",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Mayor", "Judge", "Ambassador", "Spokesman",
        "Spokeswoman", "Premier", "Chairman", "Chairwoman", "Commander-in-Chief", "Colonel", "Lieutenant",
    ])

    /// Last words of organization names: a recognizer LOC or MISC ending in one is an ORG ("Armed Forces").
    static let organizationHeads = WordSet([
        "Forces", "Army", "Navy", "Command", "Ministry", "Department", "Party", "Group", "Council", "Committee",
        "Agency", "Bank", "Company", "Corporation", "Corp.", "Inc.", "Ltd.", "Ltd", "Co.", "University", "Institute",
        "Association", "Federation", "Commission", "Parliament", "Court", "Police", "Guard", "Service", "Services",
        "Office", "Authority", "Organization", "Organisation", "Foundation", "Fund", "Brigade", "Battalion",
        "Regiment", "Division", "Corps", "Agency", "Airlines", "Airways", "Club", "Cabinet", "Senate", "Congress",
    ])

    /// Last words of place names: never read as a person's surname.
    static let placeHeads = WordSet([
        "Island", "Islands", "Sea", "Ocean", "River", "Lake", "Mountains", "Mountain", "Valley", "Bay", "Gulf",
        "Street", "Square", "Avenue", "Road", "Bridge", "Region", "Province", "Oblast", "City", "County", "District",
        "Airport", "Peninsula", "Desert", "Coast", "Strait", "Canal", "Park", "Palace", "Stadium", "Plant",
    ])

    /// Last words that make a MISC name an EVENT ("World Cup", "Winter Olympics").
    static let eventWords = WordSet([
        "War", "Games", "Olympics", "Cup", "Championship", "Championships", "Summit", "Revolution", "Festival",
        "Conference", "Marathon", "Prix", "Open", "Uprising", "Offensive", "Massacre", "Crisis", "Tournament",
    ])
}
