"""The consultants' workspace: staff sign-in, the shared repository, clients and progress."""
