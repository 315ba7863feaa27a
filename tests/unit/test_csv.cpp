#include "support.hpp"

#include "trainer/csv/csv.hpp"

#include <catch2/catch.hpp>

using namespace trainer::csv;

TEST_CASE(
    "a CSV with a BOM, semicolons, CRLF and quoted newlines parses into rows with line numbers") {
    const Table t =
        read_file(std::string(TRAINER_TEST_DATA) + "/csv/quoted_newline_bom_semicolon_crlf.csv");
    REQUIRE(t.ok());
    CHECK(t.delimiter == ';');
    CHECK(t.header.front() == "id"); // the BOM is not part of the first name
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].fields[1] == "Kowalska; Anna");
    CHECK(t.rows[1].fields[1] == "O\"Brien, Se\xc3\xa1n");
    CHECK(t.rows[2].fields[1] ==
          "\xd0\x98\xd0\xb3\xd0\xbe\xd1\x80\r\n\xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2");
    CHECK(t.rows[2].row == 4);
    CHECK(t.rows[3].row == 5);
    CHECK(t.rows[3].line == 6); // the quoted newline of row 4 takes a line
}

TEST_CASE("commas are detected when the header has more commas than semicolons") {
    const Table t = parse("a,b;c,d\n1,2;3,4\n");
    REQUIRE(t.ok());
    CHECK(t.delimiter == ',');
    CHECK(t.rows[0].fields == std::vector<std::string>{"1", "2;3", "4"});
}

TEST_CASE("blank lines are skipped but still counted for line numbers") {
    const Table t = parse("a,b\n\n1,2\n\n");
    REQUIRE(t.ok());
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].line == 3);
    CHECK(t.rows[0].row == 2);
}

TEST_CASE("a ragged row is reported with its row and the expected field count") {
    const Table t = parse("a,b,c\n1,2,3\n4,5\n");
    REQUIRE(t.issues.size() == 1);
    CHECK(to_string(t.issues[0]) ==
          "row 3 (line 3): expected 3 fields (as in the header), found 2");
}

TEST_CASE("an unterminated quote names the row, line and column where it opened") {
    const Table t = read_file(std::string(TRAINER_TEST_DATA) + "/csv/people/unterminated.csv");
    REQUIRE(t.issues.size() == 1);
    CHECK(to_string(t.issues[0]) ==
          "row 2 (line 2), column 2 (name): unterminated quoted field (a \" is never closed)");
}

TEST_CASE("invalid UTF-8 is reported with row and column") {
    const Table t = read_file(std::string(TRAINER_TEST_DATA) + "/csv/people/invalid_utf8.csv");
    REQUIRE(t.issues.size() == 1);
    CHECK(t.issues[0].row == 2);
    CHECK(t.issues[0].column == 2);
    CHECK_THAT(to_string(t.issues[0]), Catch::Contains("invalid UTF-8"));
}

TEST_CASE("overlong and surrogate UTF-8 encodings are refused") {
    CHECK_FALSE(parse("a\n\xc0\xaf\n").ok());
    CHECK_FALSE(parse("a\n\xed\xa0\x80\n").ok());
    CHECK(parse("a\n\xf0\x9f\x98\x80\n").ok());
}

TEST_CASE("column lookup is case-insensitive and names a missing column") {
    const Columns c({"ID", " Name ", "role"});
    CHECK(c.find("id") == 0u);
    CHECK(c.at("name") == 1u);
    CHECK_THROWS_WITH(c.at("badge"), "missing column badge");
    CHECK(c.missing({"id", "badge", "locale"}) == std::vector<std::string>{"badge", "locale"});
    CHECK(c.unknown({"id", "name"}) == std::vector<std::string>{"role"});
}

TEST_CASE("an unreadable CSV file is a clear error, not a crash") {
    CHECK_THROWS_WITH(read_file("/nonexistent/people.csv"),
                      Catch::Contains("/nonexistent/people.csv"));
    CHECK_FALSE(parse("").ok());
}
