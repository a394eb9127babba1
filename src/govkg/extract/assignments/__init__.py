"""extract/assignments"""
