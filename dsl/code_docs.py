"""Documentation of the codes the reader reports (TT0xx) and of TT999, in the same shape as a
rule's docstring (What it checks / Why it matters / Example / Use instead), for `tthc explain`
and the rule reference. Rules document themselves in their docstrings; these codes have no rule.

Input: nothing. Output: `CODE_DOCS`, code → documentation text.
"""

from __future__ import annotations

CODE_DOCS: dict[str, str] = {
    "TT001": """The file cannot be read as the language: a syntax error, or malformed YAML.

    What it checks:
        The text follows the grammar of `.tthc` files, or is well-formed YAML. The message says
        what was found, what was expected at that line and column, and, for common mistakes (a
        missing brace, unquoted Vietnamese text, `=>` for `->`), what the drafter most likely meant.
    Why it matters:
        A file that cannot be read cannot be checked: every other check depends on it. The
        procedure it describes must match the published decision (Decree 63/2010/NĐ-CP Art. 8).
    Example:
        ```tthc fragment
          field Hộ tịch
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: the name of the field is quoted, "Hộ tịch"
        ```
    """,
    "TT002": """An unknown key or keyword, with the closest valid one suggested.

    What it checks:
        Every keyword of a `.tthc` file and every key of a YAML file is one the language knows.
    Why it matters:
        A misspelt key is silently meaningless in most tools; here it would drop a field the law
        requires (Decree 63/2010/NĐ-CP Art. 8: every component of a procedure must be stated).
    Example:
        ```tthc fragment
          feild "Hộ tịch"
        ```
    Use instead:
        ```tthc fragment
        # the base procedure: every keyword spelt as the language has it (field)
        ```
    """,
    "TT003": """A value of the wrong type or outside what is allowed.

    What it checks:
        Dates are real dates, durations are positive with a unit, levels, step kinds and modes
        are among the allowed words, numbers are whole where they must be.
    Why it matters:
        A deadline that is not a duration or a date that does not exist cannot be computed in
        working days (Civil Code 2015 Arts. 147-148 count periods in days from a real date).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          effective 2025-02-30
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          effective 2025-07-01
        }
        ```
    """,
    "TT004": """An identifier declared twice in one scope.

    What it checks:
        Steps and dossier components are unique within a procedure; authorities, instruments,
        grants and transfers are unique in the project; a header line is given once.
    Why it matters:
        Two steps with one name make the flow ambiguous: the portal could route a dossier to the
        wrong office (Decree 118/2025/NĐ-CP on one-stop processing requires a defined process).
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận" by commune.one_stop
            tiep_nhan result "Trả kết quả" by commune.one_stop
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            tiep_nhan reception "Tiếp nhận" by commune.one_stop
            tra result "Trả kết quả" by commune.one_stop
          }
        }
        ```
    """,
    "TT005": """A reference to a step, component, authority or instrument that does not exist.

    What it checks:
        Every name used (an actor after `by`, a component after `reads`, a step in the flow, an
        instrument in `basis`) is declared, in the file or in the project's registry. The help
        suggests the closest declared name.
    Why it matters:
        A decision by an office the registry does not know cannot be checked for competence
        (Law 72/2025/QH15 on local government, Arts. 11-14), and a citation of an unknown text
        cannot be checked for validity.
    Example:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            ky decision "Ký" by commune.chairmen
          }
        }
        ```
    Use instead:
        ```tthc
        procedure "1.001193" "Đăng ký khai sinh" {
          steps {
            ky decision "Ký" by commune.chairman
          }
        }
        ```
    """,
    "TT006": """Input over a safety limit: file size, nesting depth, YAML alias expansion, steps.

    What it checks:
        A file is at most 1 MiB, nests at most 64 levels, expands to at most 200,000 YAML nodes
        and a procedure has at most 2,000 steps (all configurable under `[tool.tthc.limits]`).
    Why it matters:
        A hostile or broken file (a "billion laughs" YAML alias bomb) must be refused quickly
        and never stall a CI run or a portal; no real procedure comes near these limits.
    Example:
        A YAML file whose aliases multiply a list a billion times.
    Use instead:
        Write the content out; split very large files.
    """,
    "TT007": """Text not in Unicode NFC, or one name spelt in both NFC and NFD.

    What it checks:
        Vietnamese letters are in precomposed form (NFC). Text pasted from Word or PDF is often
        decomposed (NFD): it looks the same but compares differently.
    Why it matters:
        "Hộ tịch" in NFD and in NFC are different strings to a computer: searches, the national
        database synchronisation and duplicate detection fail silently. State bodies write
        Vietnamese in Unicode by TCVN 6909:2001 (Decision 72/2002/QĐ-TTg); that the standard
        requires the precomposed form is practice, not verified here (unverified).
    Example:
        A title typed with combining accents, such as "Hộ tịch" pasted from a PDF.
    Use instead:
        Run `tthc fmt`, which rewrites the text in NFC.
    """,
    "TT008": """The file is not valid UTF-8, or declares another encoding.

    What it checks:
        The bytes decode as UTF-8 (a byte-order mark is accepted); no `coding:` line declares
        another encoding; the file is not UTF-16/32 or binary. A file that cannot be read at
        all is TT008 too: a dangling or looping link, a folder that cannot be listed, and a
        link that points out of the git work tree (never read, so a pull request cannot make
        CI print a file from outside the repository).
    Why it matters:
        Legacy Vietnamese encodings (TCVN3, VNI, Windows-1258) turn diacritics into garbage.
        State bodies write Vietnamese in Unicode by TCVN 6909:2001 (Decision 72/2002/QĐ-TTg);
        UTF-8 as the file encoding is the practice of the national portals (unverified).
    Example:
        A file saved from an old editor in the VNI encoding.
    Use instead:
        Save the file as UTF-8 (precomposed Unicode).
    """,
    "TT999": """A check crashed on this procedure; the other checks still ran.

    What it checks:
        Nothing: it reports a bug in tthc, naming the check and where it failed.
    Why it matters:
        A crash must not hide the other findings, nor pass silently: a procedure that was not
        fully checked must not be deployed as if it were (Decree 118/2025/NĐ-CP requires the
        published process to be correct before it is used).
    Example:
        Any input that makes a check raise an exception.
    Use instead:
        Report the message to the tthc developers; the file itself may be correct.
    """,
}
