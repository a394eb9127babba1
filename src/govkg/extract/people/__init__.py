"""extract/people"""
