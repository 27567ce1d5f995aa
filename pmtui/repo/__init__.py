"""Looking across a folder of post-mortems (a repository's ``docs/postmortems``, or the
user data folder): the index in the cache folder (:mod:`.index`), ``.gitignore``-aware
walking (:mod:`.walk`), follow-through on action items (:mod:`.actions`, and
:mod:`.status` to change one item's status in its file), search (:mod:`.search`), the
report's numbers (:mod:`.report`, with done dates from git in :mod:`.gitdates`) and
``pmtui init`` (:mod:`.init`). No Textual here."""
