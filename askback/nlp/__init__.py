"""Pure functions over text: words, phrases, sentences, similarity, question form, linear models."""
