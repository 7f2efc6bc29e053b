"""The symptom log: daily check-ins, red flags, and looking back over them.

Services here take a Store and the LibraryService and return plain frozen dataclasses.
"""
