//! Names: runs of capitalized words, and whether a run names a person, a
//! place or an organisation.
//!
//! English capitalizes proper names wherever they stand, and little else
//! after a sentence's first word, so a run of capitalized words is a name.
//! Its kind follows from the words around and inside it, the conventions of
//! news copy: a title or an age after a comma marks a person ("Officer Jane
//! Roe", "Jane Roe, 34,"); a locative preposition or a following
//! ", Region" marks a place ("in Spanish Fork", "Ardmore, Oklahoma"); a
//! head noun of institutions marks an organisation ("Lindon Police
//! Department"). A run of two or more words with none of these is taken
//! for a person: in news, most multi-word names are people's.

/// Kinds of names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameKind {
    /// A person ("Jane Roe").
    Person,
    /// A place: town, region, country, street ("Spanish Fork").
    Place,
    /// An organisation: police force, company, court, agency.
    Organisation,
    /// A capitalized word the context does not classify.
    Other,
}

/// Capitalized words that are not names: sentence-initial function words
/// and pronouns, weekday and month names (dates, see `dates`), and words
/// copy capitalizes in headlines or after colons.
pub fn is_common_capital(word: &str) -> bool {
    matches!(
        word,
        "A" | "An"
            | "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "Of"
            | "To"
            | "With"
            | "After"
            | "Before"
            | "During"
            | "When"
            | "While"
            | "If"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "As"
            | "There"
            | "Here"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Police"
            | "Officers"
            | "Authorities"
            | "Officials"
            | "According"
            | "No"
            | "One"
            | "Two"
            | "Three"
            | "Both"
            | "All"
            | "Some"
            | "Many"
            | "Most"
            | "Several"
            | "Another"
            | "Other"
            | "Now"
            | "Then"
            | "Today"
            | "Yesterday"
            | "Tonight"
            | "Last"
            | "Next"
            | "Early"
            | "Late"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Also"
            | "However"
            | "Meanwhile"
            | "Still"
            | "Just"
            | "Even"
            | "Only"
            | "Not"
            | "Is"
            | "Was"
            | "Are"
            | "Were"
            | "Has"
            | "Have"
            | "Had"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "May"
            | "Did"
            | "Do"
            | "Does"
            | "Said"
            | "Says"
            | "Updated"
            | "Posted"
            | "Copyright"
            | "Photo"
            | "Video"
            | "Read"
            | "Click"
            | "Watch"
            | "See"
            | "Share"
            | "Comments"
    ) || super::dates::weekday(word).is_some()
        || (super::dates::month(word).is_some() && word.len() > 3)
}

/// Titles before a person's name.
pub fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Miss"
            | "Dr"
            | "Officer"
            | "Sgt"
            | "Sergeant"
            | "Lt"
            | "Lieutenant"
            | "Capt"
            | "Captain"
            | "Cpl"
            | "Deputy"
            | "Detective"
            | "Det"
            | "Chief"
            | "Sheriff"
            | "Trooper"
            | "Agent"
            | "President"
            | "Sen"
            | "Senator"
            | "Rep"
            | "Gov"
            | "Governor"
            | "Mayor"
            | "Judge"
            | "Justice"
            | "Prosecutor"
            | "Attorney"
            | "Minister"
            | "Prime"
            | "King"
            | "Queen"
            | "Prince"
            | "Pope"
            | "Rev"
            | "Father"
            | "Pastor"
            | "Coach"
            | "Professor"
            | "Prof"
            | "General"
            | "Gen"
            | "Col"
            | "Colonel"
            | "Adm"
            | "Admiral"
            | "Secretary"
            | "Spokesman"
            | "Spokeswoman"
            | "Councilman"
            | "Councilwoman"
            | "Commissioner"
            | "Superintendent"
            | "Principal"
            | "Dean"
    )
}

/// Lower-case words that say a person is named next: "suspect John Doe",
/// "spokeswoman Jane Roe", "victim, Jane Roe".
pub fn is_role(word: &str) -> bool {
    matches!(
        word,
        "suspect"
            | "victim"
            | "spokesman"
            | "spokeswoman"
            | "officer"
            | "deputy"
            | "detective"
            | "sheriff"
            | "chief"
            | "trooper"
            | "mayor"
            | "governor"
            | "senator"
            | "president"
            | "minister"
            | "judge"
            | "attorney"
            | "prosecutor"
            | "lawyer"
            | "witness"
            | "neighbor"
            | "neighbour"
            | "teacher"
            | "student"
            | "father"
            | "mother"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "husband"
            | "wife"
            | "girlfriend"
            | "boyfriend"
            | "friend"
            | "identified"
            | "named"
            | "by"
    )
}

/// Head nouns of institutions: a name holding one names an organisation.
pub fn is_organisation_head(word: &str) -> bool {
    matches!(
        word,
        "Police"
            | "Department"
            | "Office"
            | "Bureau"
            | "Agency"
            | "Court"
            | "Council"
            | "Committee"
            | "Commission"
            | "Ministry"
            | "Party"
            | "University"
            | "College"
            | "School"
            | "Hospital"
            | "Center"
            | "Centre"
            | "Company"
            | "Corporation"
            | "Corp"
            | "Inc"
            | "Ltd"
            | "Group"
            | "Bank"
            | "Association"
            | "Union"
            | "Board"
            | "Service"
            | "Services"
            | "Patrol"
            | "Army"
            | "Navy"
            | "Force"
            | "Church"
            | "Club"
            | "Institute"
            | "Foundation"
            | "News"
            | "Times"
            | "Post"
            | "Press"
            | "Network"
            | "Authority"
            | "Administration"
            | "Congress"
            | "Senate"
            | "House"
            | "FBI"
    )
}

/// The US state a place word names, spelt out: its name, its AP
/// abbreviation (the period is not part of the word: "Okla") or its postal
/// code ("OK"), as datelines and copy write the state after a town
/// ("Ardmore, Okla."). One state, one key, however an outlet writes it;
/// and a name followed by ", <state>" is a town (see `facts::name`).
/// (Ambiguous words, "Miss", "Wash", "IN", are read so only where a place
/// is expected.)
pub fn us_state(word: &str) -> Option<&'static str> {
    Some(match word {
        "Alabama" | "Ala" | "AL" => "Alabama",
        "Alaska" | "AK" => "Alaska",
        "Arizona" | "Ariz" | "AZ" => "Arizona",
        "Arkansas" | "Ark" | "AR" => "Arkansas",
        "California" | "Calif" | "CA" => "California",
        "Colorado" | "Colo" | "CO" => "Colorado",
        "Connecticut" | "Conn" | "CT" => "Connecticut",
        "Delaware" | "Del" | "DE" => "Delaware",
        "Florida" | "Fla" | "FL" => "Florida",
        "Georgia" | "Ga" | "GA" => "Georgia",
        "Hawaii" | "HI" => "Hawaii",
        "Idaho" | "ID" => "Idaho",
        "Illinois" | "Ill" | "IL" => "Illinois",
        "Indiana" | "Ind" | "IN" => "Indiana",
        "Iowa" | "IA" => "Iowa",
        "Kansas" | "Kan" | "KS" => "Kansas",
        "Kentucky" | "Ky" | "KY" => "Kentucky",
        "Louisiana" | "La" | "LA" => "Louisiana",
        "Maine" | "ME" => "Maine",
        "Maryland" | "Md" | "MD" => "Maryland",
        "Massachusetts" | "Mass" | "MA" => "Massachusetts",
        "Michigan" | "Mich" | "MI" => "Michigan",
        "Minnesota" | "Minn" | "MN" => "Minnesota",
        "Mississippi" | "Miss" | "MS" => "Mississippi",
        "Missouri" | "Mo" | "MO" => "Missouri",
        "Montana" | "Mont" | "MT" => "Montana",
        "Nebraska" | "Neb" | "NE" => "Nebraska",
        "Nevada" | "Nev" | "NV" => "Nevada",
        "New Hampshire" | "NH" => "New Hampshire",
        "New Jersey" | "NJ" => "New Jersey",
        "New Mexico" | "NM" => "New Mexico",
        "New York" | "NY" => "New York",
        "North Carolina" | "NC" => "North Carolina",
        "North Dakota" | "ND" => "North Dakota",
        "Ohio" | "OH" => "Ohio",
        "Oklahoma" | "Okla" | "OK" => "Oklahoma",
        "Oregon" | "Ore" | "OR" => "Oregon",
        "Pennsylvania" | "Pa" | "PA" => "Pennsylvania",
        "Rhode Island" | "RI" => "Rhode Island",
        "South Carolina" | "SC" => "South Carolina",
        "South Dakota" | "SD" => "South Dakota",
        "Tennessee" | "Tenn" | "TN" => "Tennessee",
        "Texas" | "TX" => "Texas",
        "Utah" | "UT" => "Utah",
        "Vermont" | "Vt" | "VT" => "Vermont",
        "Virginia" | "Va" | "VA" => "Virginia",
        "Washington" | "Wash" | "WA" => "Washington",
        "West Virginia" | "WV" => "West Virginia",
        "Wisconsin" | "Wis" | "WI" => "Wisconsin",
        "Wyoming" | "Wyo" | "WY" => "Wyoming",
        _ => return None,
    })
}

/// Lower-case nouns of a place's people and bodies, after its name:
/// "Toledo police", "Ardmore officials", "Harlow residents".
pub fn is_place_body(word: &str) -> bool {
    matches!(
        word,
        "police"
            | "officers"
            | "deputies"
            | "detectives"
            | "firefighters"
            | "officials"
            | "authorities"
            | "residents"
            | "leaders"
            | "schools"
    )
}

/// Head nouns of places: "Maple Street", "Orange County", "Lake Placid".
pub fn is_place_head(word: &str) -> bool {
    matches!(
        word,
        "Street"
            | "St"
            | "Avenue"
            | "Ave"
            | "Road"
            | "Rd"
            | "Boulevard"
            | "Blvd"
            | "Drive"
            | "Dr"
            | "Lane"
            | "Way"
            | "Highway"
            | "Park"
            | "County"
            | "City"
            | "Town"
            | "Township"
            | "Village"
            | "State"
            | "Province"
            | "Island"
            | "Islands"
            | "River"
            | "Lake"
            | "Mountain"
            | "Mount"
            | "Valley"
            | "Beach"
            | "Bay"
            | "Heights"
            | "Square"
            | "Bridge"
            | "Parish"
            | "District"
            | "Region"
    )
}

/// Lower-case words before a place name: "in Ardmore", "near Lake Placid".
pub fn is_locative(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "near"
            | "outside"
            | "from"
            | "across"
            | "into"
            | "to"
            | "of"
            | "around"
            | "toward"
            | "towards"
            | "throughout"
            | "within"
    )
}

/// Locatives that mark a place firmly ("in X", "near X"); "of" and "from"
/// and "to" also head people and organisations ("the wife of Jane Roe").
pub fn is_firm_locative(word: &str) -> bool {
    matches!(
        word,
        "in" | "near" | "outside" | "across" | "around" | "throughout" | "within"
    )
}
