"""Pure functions over text: tokens, similarity, question form."""
