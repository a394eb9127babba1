"""The composition walk: one pass over a document's paragraphs and table rows that follows the
body in context and collects ex-officio seats (组长:市长) and member units (成员单位:…), given the
bodies ``govkg.extract.bodies`` found."""
