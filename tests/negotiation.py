"""The negotiation of the done-criteria: eight amendments by five delegations on the seed draft."""

from __future__ import annotations

# (delegation, arguments of `resdesk amend`) in order of entry: ids a1 … a8.
EIGHT_AMENDMENTS = [
    ("EU", ["--in", "OP2", "--replace", "to continue to strengthen", "--with", "to strengthen further"]),
    ("G77", ["--new-paragraph", "Encourages Member States to share information on good practices in "
             "providing technical assistance;", "--after", "OP3"]),
    ("Mexico", ["--new-paragraph", "Invites the Office to report on its technical assistance activities;",
                "--after", "OP3", "--co-sponsors", "Chile, Peru"]),
    ("United States", ["--delete-paragraph", "OP7", "--justification", "Covered by OP6."]),
    ("CARICOM", ["--move", "OP11", "--after", "OP4"]),
    ("Mexico", ["--alternative", "Requests the Secretary-General to submit to the General Assembly at its "
                "seventieth session a report on the implementation of the present resolution.", "--for", "OP15"]),
    ("G77", ["--in", "OP2", "--replace", "strengthen international coordination",
             "--with", "enhance international cooperation"]),
    ("CARICOM", ["--new-paragraph", "Recognizing the particular vulnerabilities of small island developing States,",
                 "--after", "PP2"]),
]

EXPECTED_INSTRUCTIONS = {
    "a1": "In operative paragraph 2, replace “to continue to strengthen” with “to strengthen further”",
    "a2": "Insert a new operative paragraph after operative paragraph 3, reading: “Encourages Member States to "
          "share information on good practices in providing technical assistance;”",
    "a3": "Insert a new operative paragraph after operative paragraph 3, reading: “Invites the Office to report "
          "on its technical assistance activities;”",
    "a4": "Delete operative paragraph 7",
    "a5": "Move operative paragraph 11 to follow operative paragraph 4",
    "a6": "Replace operative paragraph 15 with: “Requests the Secretary-General to submit to the General Assembly "
          "at its seventieth session a report on the implementation of the present resolution.”",
    "a7": "In operative paragraph 2, replace “strengthen international coordination” with "
          "“enhance international cooperation”",
    "a8": "Insert a new preambular paragraph after the second preambular paragraph, reading: “Recognizing the "
          "particular vulnerabilities of small island developing States,”",
}
