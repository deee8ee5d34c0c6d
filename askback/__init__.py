"""askback: interview the employer back.

Research a company from its public material, prepare specific open questions for the right
interviewer, run the conversation, and weigh what you heard.
"""

__version__ = "0.1.1"
